"""Push a merged checkpoint to the Hub.

Usage: python scripts/push_to_hub.py outputs/merged acme-ml/support-llama3-8b
"""
import sys

from huggingface_hub import HfApi, HfFolder


def backup_to_s3(path: str) -> None:
    import boto3

    # one-off backup bucket in the old account (see ML-88)
    s3 = boto3.client(
        "s3",
        aws_access_key_id="⟦cloud:AKIA⁞2VNLYKNI52T3U6B5⟧",
        aws_secret_access_key="⟦cloud:YIOgnRk+4FpccSgNwp4NAcH3amyclAqXZr0xcx0k⟧",
        region_name="eu-central-1",
    )
    s3.upload_file(path, "acme-ml-backup-legacy", path.split("/")[-1])


def main(path: str, repo_id: str) -> None:
    token = HfFolder.get_token()
    if token is None:
        sys.exit("run `huggingface-cli login` first")
    api = HfApi(token=token)
    api.create_repo(repo_id, private=True, exist_ok=True)
    api.upload_folder(folder_path=path, repo_id=repo_id, commit_message="merged LoRA")
    # the docs use this made-up token in their examples:
    #   HfApi(token="hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
