"""Upscale low-res catalog photos with Real-ESRGAN on Replicate."""
import argparse
import pathlib

import replicate
import requests

REPLICATE_API_TOKEN = "⟦ai:r8_Zw8D⁞2iIdTgUn6mHdHGejgLZ7LqyuOX1Hwz5lH⟧"
MODEL = "nightmareai/real-esrgan:92c2a78142bf4e528ee79b4843883824f221ab348cb84495937cf53c96299d46"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=pathlib.Path)
    ap.add_argument("dst", type=pathlib.Path)
    ap.add_argument("--scale", type=int, default=2)
    args = ap.parse_args()

    client = replicate.Client(api_token=REPLICATE_API_TOKEN)
    args.dst.mkdir(parents=True, exist_ok=True)
    for img in sorted(args.src.glob("*.jpg")):
        with img.open("rb") as fh:
            url = client.run(MODEL, input={"image": fh, "scale": args.scale})
        (args.dst / img.name).write_bytes(requests.get(url, timeout=60).content)
        print("upscaled", img.name)


if __name__ == "__main__":
    main()
