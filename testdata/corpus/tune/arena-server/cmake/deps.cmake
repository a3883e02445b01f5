include(FetchContent)

FetchContent_Declare(
  fmt
  URL https://github.com/fmtlib/fmt/releases/download/10.2.1/fmt-10.2.1.zip
  URL_HASH SHA256=3f42fc12608e3a16602734f4b3830e5b02cc92b60f7f9a808a90ec3b688e9053
)

FetchContent_Declare(
  spdlog
  GIT_REPOSITORY https://github.com/gabime/spdlog.git
  GIT_TAG        570a7f3c144a9cd1577b67b131ca9281707db649 # v1.14.1
)

FetchContent_Declare(
  enet
  URL https://github.com/lsalzman/enet/archive/refs/tags/v1.3.18.tar.gz
  URL_HASH SHA512=0491bdf394bd4aaac62d926d3e0d0583c1d39e2aa871e2c60b1230e44fab059c0b105764955285a685d44de351b4ce9ee58c1153c82ea280266bc10935bc33f2
)

FetchContent_MakeAvailable(fmt spdlog enet)
