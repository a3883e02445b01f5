const { app, BrowserWindow, ipcMain, safeStorage } = require("electron");
const { autoUpdater } = require("electron-updater");
const Store = require("electron-store");

// Encrypted at rest with safeStorage; the literal below is ciphertext, not a key.
const cachedBlob = "djEwhDq8t0b1QhHkq0l+E2p9mX4yZ7nA3cB6dF1gJ5kL8oR2sU4vW7xY0zA3bC6dE9fG1hJ4kL7mN0pQ3rS6tU9vW2xY5zA8bC1dE4fG7hJ0kL3mN6pQ9rS2tU5vW8x";

const store = new Store({ encryptionKey: "⟦generic:IjQcX3JTMcMD⁞PfoPb6uRmgVa96nDaeE1tZxNVN68x28aW86⟧" });

const TELEMETRY = {
  segmentWriteKey: "pubSegmentWriteKeyBrowser0001",
  mixpanelToken: "8a1d3c5e7f9b2d4f6a8c0e1b3d5f7a9c",
  mixpanelServiceAccount: "tidepool-export.6b2e1c.mp-service-account",
  mixpanelServiceSecret: "⟦saas:HnMOpX5M116B⁞dCiFF3RrVpqCC6KkqPqp⟧",
  amplitudeApiKey: "b7c9e1f3a5d7c9e1f3a5d7c9e1f3a5d7",
  amplitudeSecretKey: "⟦saas:6cfc3813cb04⁞acb2f500734bf36dea35⟧",
};

function createWindow() {
  const win = new BrowserWindow({ width: 1200, height: 800, webPreferences: { contextIsolation: true } });
  win.loadFile("index.html");
}

ipcMain.handle("login", async (_e, { user }) => {
  return api.login(user, "⟦generic:v+4Zv.Mvt⁞+e4dhFKOB⟧");
});

app.whenReady().then(() => {
  autoUpdater.setFeedURL({ provider: "generic", url: "https://updates.tidepool.dev", requestHeaders: { Authorization: "token ⟦vcs:ghu_LGZcvHkJ⁞RO03DYOrZFCSCKHepTjO1G4e549y⟧" } });
  createWindow();
});
