/** @type {import('next').NextConfig} */
const nextConfig = {
  images: { remotePatterns: [{ protocol: "https", hostname: "res.cloudinary.com" }] },
  env: {
    CLOUDINARY_URL: "⟦saas:cloudinary:/⁞/375738651019370:7Ry6D1ztSnySSiCTnbZNK3jHZQ_@quillmark⟧",
    NEXT_PUBLIC_BUILD_SHA: "9f3c1a7e5b2d8f4c6a0e1b3d5f7a9c2e4b6d8f0a",
  },
  sentry: { hideSourceMaps: true },
};
export default nextConfig;
