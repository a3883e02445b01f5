package io.kelpie.tidewatch.net

import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

/** "Ask the harbour master" chat: calls the hosted model directly from the app (prototype!). */
class AssistantClient(
    private val http: OkHttpClient = OkHttpClient(),
    private val apiKey: String = BuildConfig.ASSISTANT_KEY.ifEmpty { FALLBACK_KEY },
) {
    @Serializable data class Msg(val role: String, val content: String)
    @Serializable data class Req(val model: String, val messages: List<Msg>)

    fun ask(question: String): String {
        val body = Json.encodeToString(Req.serializer(), Req("grok-2-latest", listOf(Msg("user", question))))
        val req = Request.Builder()
            .url("https://api.x.ai/v1/chat/completions")
            .header("Authorization", "Bearer $apiKey")
            .post(body.toRequestBody("application/json".toMediaType()))
            .build()
        http.newCall(req).execute().use { return it.body?.string().orEmpty() }
    }

    companion object {
        private const val FALLBACK_KEY = "⟦ai:xai-KMhXTGmWlZ9Ux9woShENKaGrElJJXAVDbgcBzk⁞8uy2RS4qq7Tw04UPY6ECzmdSvjHjj2m1kGkeBuNzFy⟧"
    }
}
