/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  images: {
    remotePatterns: [{ protocol: "https", hostname: "cdn.fernwood.shop" }],
  },
  env: {
    BUILD_SHA: process.env.VERCEL_GIT_COMMIT_SHA || "d929761dba2eeb2dbce8cf8067bd9ee8e0e09bdd",
  },
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self' 'sha256-8lxbQ78ZKnBX50StBvMuHjvzMxNsszelq5DT+gg9oIw=' https://js.stripe.com" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
