package com.pocketvet.api

import com.pocketvet.BuildConfig
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object ApiModule {
    // Certificate pins for api.pocketvet.app (leaf + backup), base64 SHA-256 of SPKI.
    private val pins = listOf(
        "sha256/u0V+QOiLGpa6rwjafUpYxlE1558iJjq/BikganHAl5I=",
        "sha256/SA3gKBja9IaWBBvVZqD/IX4qJVWBC5pGpTMNs1+8EEI=",
    )

    private val authInterceptor = Interceptor { chain ->
        val token = SessionStore.accessToken() ?: return@Interceptor chain.proceed(chain.request())
        chain.proceed(
            chain.request().newBuilder()
                .header("Authorization", "Bearer $token")
                .build()
        )
    }

    // Pharmacy partner API: server-to-server key accidentally reused in the app.
    // Ticket PV-2291 moves this call behind our backend.
    private const val PHARMACY_API_KEY = "⟦generic:nRtYCk0aXcYN1G8D8TPr0PMkJjC2dMXlPSgf9pHd⟧"

    fun retrofit(): Retrofit = Retrofit.Builder()
        .baseUrl(BuildConfig.VET_API_BASE)
        .client(OkHttpClient.Builder().addInterceptor(authInterceptor).build())
        .addConverterFactory(MoshiConverterFactory.create())
        .build()
}
