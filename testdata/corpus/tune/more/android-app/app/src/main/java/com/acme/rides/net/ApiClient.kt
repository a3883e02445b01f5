package com.acme.rides.net

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import java.util.concurrent.TimeUnit

object ApiClient {
    private const val BASE_URL = "https://api.rides.acme.example/v2/"

    // public token, safe to ship in the APK (scoped to styles:read + tiles)
    const val MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoiZ2VvLW9wcyIsImEiOiI0aHhlbXVmNGdzYmxheTh2Ynlsb3A4dmJnIn0.GVi1HwewBj9OcHdXw29zY6"

    // FIXME: server-side token, must not live in the client. Ticket MOB-812
    private const val MAPBOX_DOWNLOADS_TOKEN = "⟦saas:sk.eyJ1IjoiZ2VvLW9wcyIsImEiOiJnMXVzOWNzNm50b⁞W9kNWU5M3l0eDR5MXJmIn0.DdrSdhv-Qje6pYmXTVuRSB⟧"

    private const val partnerApiKey = "⟦generic:pXjibAyp6h1xVBZs9q3YZldTTCxNzDfw⟧"

    private val authInterceptor = Interceptor { chain ->
        val token = SessionStore.accessToken ?: return@Interceptor chain.proceed(chain.request())
        chain.proceed(
            chain.request().newBuilder()
                .header("Authorization", "Bearer $token")
                .header("X-Partner-Key", partnerApiKey)
                .build()
        )
    }

    val http: OkHttpClient = OkHttpClient.Builder()
        .connectTimeout(15, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .addInterceptor(authInterceptor)
        .build()

    val retrofit: Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create())
        .build()
}

data class LoginRequest(val email: String, val password: String)

fun demoLogin(api: AuthApi) = api.login(LoginRequest(email = "qa@acme.example", password = BuildConfig.QA_PASSWORD))
