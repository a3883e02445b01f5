"""Pull the nightly partner files from the retailer's FTP and the IBM COS bucket."""
import ftplib
import json
from pathlib import Path

import ibm_boto3
from ibm_botocore.client import Config

LANDING = Path("/data/landing/partners")

# Service credentials as downloaded from the IBM Cloud console (COS instance "partner-drop")
COS_CREDENTIALS = json.loads("""
{
  "apikey": "⟦cloud:pKjlohVRcWmyKPuJARsuZZzobB91m9cy-23AvhebIYJX⟧",
  "endpoints": "https://control.cloud-object-storage.cloud.ibm.com/v2/endpoints",
  "iam_apikey_description": "Auto-generated for key crn:v1:bluemix:public:cloud-object-storage:global:a/9231d44cce9e49daba79481c644449d8:1481530f-b6a1-4b4d-a849-c2bb7be2550c::",
  "iam_apikey_name": "partner-drop-reader",
  "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:Reader",
  "iam_serviceid_crn": "crn:v1:bluemix:public:iam-identity::a/ce498035a1d08c7f0ed73292adb80c6a::serviceid:ServiceId-5122649a-c5c4-4a48-bacb-fdf9d15c7390",
  "resource_instance_id": "crn:v1:bluemix:public:cloud-object-storage:global:a/9ec8c211caa4149b6961428dbbeeb3b3:25e2390a-66dd-408d-809a-ee6bbd79b742::"
}
""")


def fetch_ftp() -> None:
    with ftplib.FTP_TLS("ftp.retailer-partner.example") as ftp:
        ftp.login("acme_drop", "⟦generic:0WUo0emHRInk28pf9l⟧")
        ftp.prot_p()
        for name in ftp.nlst("outbound"):
            with open(LANDING / Path(name).name, "wb") as fh:
                ftp.retrbinary(f"RETR {name}", fh.write)


def fetch_cos() -> None:
    cos = ibm_boto3.client(
        "s3",
        ibm_api_key_id=COS_CREDENTIALS["apikey"],
        ibm_service_instance_id=COS_CREDENTIALS["resource_instance_id"],
        config=Config(signature_version="oauth"),
        endpoint_url="https://s3.eu-de.cloud-object-storage.appdomain.cloud",
    )
    for obj in cos.list_objects_v2(Bucket="partner-drop")["Contents"]:
        cos.download_file("partner-drop", obj["Key"], str(LANDING / obj["Key"]))


if __name__ == "__main__":
    fetch_ftp()
    fetch_cos()
