"""Copy the nightly CSV exports from S3 to the partner's GCS bucket and geocode new stations."""
import boto3
import requests

s3 = boto3.client(
    "s3",
    region_name="eu-north-1",
    aws_access_key_id="⟦cloud:AKIAAOQ2CZ⁞LJFYJ4NXO5⟧",
    aws_secret_access_key="⟦cloud:dRad4lgmPEa7L0A62jQT⁞JSN0CUGBSihfXhAsvgYJ⟧",
)

GEOCODE_KEY = "⟦cloud:AIzaZ_d_6JrQMdcMIYL⁞LHWrkcpQXOjhNchInL9z⟧"
SOURCE_BUCKET = "tw-exports-prod"


def geocode(name: str) -> tuple[float, float] | None:
    r = requests.get(
        "https://maps.googleapis.com/maps/api/geocode/json",
        params={"address": name + ", Sweden", "key": GEOCODE_KEY},
        timeout=10,
    )
    res = r.json().get("results") or []
    if not res:
        return None
    loc = res[0]["geometry"]["location"]
    return loc["lat"], loc["lng"]


def main() -> None:
    for obj in s3.list_objects_v2(Bucket=SOURCE_BUCKET, Prefix="stations/")["Contents"]:
        print(obj["Key"], obj["ETag"])


if __name__ == "__main__":
    main()
