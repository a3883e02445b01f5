{:auth {:repository-auth {#"clojars" {:username "tidepool"
                                       :password "⟦registry:CLOJARS_675b⁞e0ba701a176001c5ab9791b7f7dfa37b9fe96337d7e24e730cecc3ce⟧"}}}
 :user {:plugins [[lein-ancient "1.0.0-RC3"]]
        :signing {:gpg-key "7FF8FD2307E5FDC9B5E5C20C47341F4A5F465212"}}}
