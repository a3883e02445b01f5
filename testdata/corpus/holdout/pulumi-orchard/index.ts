import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as digitalocean from "@pulumi/digitalocean";

const config = new pulumi.Config();
const dbPassword = config.requireSecret("dbPassword");

const cf = new cloudflare.Provider("cf", {
    apiToken: "⟦cloud:JbSYrSFIVYBY⁞eVUW60g9uXH9lvGeLix-bjQlKpFY⟧",
});

const doProvider = new digitalocean.Provider("do", { token: "⟦cloud:dop_v1_00343⁞3de8d2eab990d33212d430da466291d00a50b0e712abe8c27fae4e10325⟧" });

const db = new aws.rds.Instance("orchard-db", {
    engine: "postgres",
    instanceClass: "db.t4g.medium",
    allocatedStorage: 50,
    username: "orchard",
    password: dbPassword,
    skipFinalSnapshot: true,
});

const legacyUser = new aws.iam.AccessKey("ci-legacy", { user: "orchard-ci", pgpKey: "keybase:orchard_ops" });

export const dbEndpoint = db.endpoint;
export const amiId = "ami-0c55b159cbfafe1f0";
export const kmsKeyArn = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
