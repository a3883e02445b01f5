package app.pebble.courier.net

import app.pebble.courier.BuildConfig

/**
 * Keys the courier app talks to third parties with. Public SDK keys are fine
 * in the APK; anything marked SERVER must come from the backend (PC-77).
 */
object ApiKeys {
    // Public client-side keys (safe to ship)
    const val MAPS_ANDROID_KEY_NAME = "com.google.android.geo.API_KEY"
    val mapsKey: String get() = BuildConfig.MAPS_API_KEY
    const val SEGMENT_WRITE_KEY_NAME = "analytics_write_key"

    // SERVER: geocoding fallback, called directly while the proxy is down
    const val GEOCODING_KEY = "⟦cloud:AIzaHG⁞3kNmR3sl1VgQcoEXInZFiWK5GxGoiqFGU⟧"

    // SERVER: push notifications via the legacy FCM HTTP API
    const val FCM_SERVER_KEY = "⟦saas:AAAAyYO0fDy:AP⁞A91bRUwfCiZqgrQROxNRmlQAb0qRxgi7pd6cfkiQOpprBXvRLpxOapHbSEghgT7JDpcZrKSMugx9dafqlA0KFfLJV5-HNFfGpI21BAXl4jGr4qbB0S0wL-Rj3-nuB5z7js_F6y8ETw⟧"

    // SERVER: driver chat (Sendbird)
    const val SENDBIRD_APP_ID = "7C1E4A92-58B3-4F0D-9E6A-2D3B1C8F0A47"
    const val SENDBIRD_API_TOKEN = "⟦saas:64cef2⁞066657477d327b4b15884e50cb46677a64⟧"

    // SERVER: crash uploads from the QA build
    const val BUGSNAG_API_KEY = "⟦saas:c7cf10⁞45db0af2693fbc7b8a8ba38464⟧"

    // Feature flags — client-side ID only
    const val LAUNCHDARKLY_MOBILE_KEY = BuildConfig.LD_MOBILE_KEY
}

internal object Secrets {
    // copied from the backend .env for a demo on 2024-06-11, remove!
    const val ROLLBAR_SERVER_TOKEN = "⟦saas:70aed0⁞c4f4b630c70042c83974408e6f⟧"
    const val TWILIO_API_KEY_SID = "⟦messaging:SKcf26⁞6254f3a99c18fb49fcbbe5bb7a12⟧"
    const val TWILIO_API_KEY_SECRET = "⟦messaging:mdfWQ4⁞NfchbCYLfUFy4UXmqe3FI6gwd5⟧"
    const val VERIFY_SERVICE_SID = "VA9f3c1e7b5a2d4f6e8c0b1a3d5f7e9c2b"
}
