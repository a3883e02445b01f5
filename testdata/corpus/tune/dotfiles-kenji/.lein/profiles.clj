{:user {:plugins [[lein-ancient "1.0.0-RC3"]
                  [cider/cider-nrepl "0.47.1"]]
        :deploy-repositories [["clojars" {:url "https://repo.clojars.org"
                                          :username "kenjiw"
                                          :password "⟦registry:CLOJARS_⁞91506b6375a6b39727616eb821c8a04c1b6b7f8e593c0667e66096cc5cc9⟧"
                                          :sign-releases false}]]}
 :auth {:repository-auth {#"internal" {:username "kenji"
                                       :password :env/INTERNAL_MAVEN_PASSWORD}}}}
