# leakstop in a container, for CI systems other than GitHub Actions:
#
#   docker build -t leakstop .
#   docker run --rm -v "$PWD:/src" leakstop git /src
#
# The image holds git (for history, staged and pre-push scans) and runs as
# an unprivileged user. The -ocr variant adds Tesseract for screenshots:
#
#   docker build --target ocr -t leakstop:ocr .

FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
ARG COMMIT=unknown
ARG DATE=unknown
RUN CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
    -o /out/leakstop ./cmd/leakstop

FROM alpine:3.22 AS base
RUN apk add --no-cache git=~2 ca-certificates \
    && adduser -D -u 10001 leakstop \
    && git config --system --add safe.directory '*'
COPY --from=build /out/leakstop /usr/local/bin/leakstop
USER leakstop
WORKDIR /src
ENTRYPOINT ["leakstop"]
CMD ["dir", "."]

FROM base AS ocr
USER root
RUN apk add --no-cache tesseract-ocr=~5 tesseract-ocr-data-eng=~5
USER leakstop

# The default target: the image without OCR.
FROM base
