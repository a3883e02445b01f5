import java.util.Properties

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("io.sentry.android.gradle") version "4.5.1"
}

val localProps = Properties().apply {
    val f = rootProject.file("local.properties")
    if (f.exists()) f.inputStream().use { load(it) }
}

android {
    namespace = "com.pocketvet"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.pocketvet"
        minSdk = 26
        targetSdk = 34
        versionCode = 118
        versionName = "3.8.0"
        manifestPlaceholders["MAPS_API_KEY"] = localProps.getProperty("MAPS_API_KEY", "")
        buildConfigField("String", "TWILIO_API_KEY", "\"${localProps.getProperty("TWILIO_API_KEY")}\"")
        buildConfigField("String", "SEGMENT_WRITE_KEY", "\"${System.getenv("SEGMENT_WRITE_KEY") ?: ""}\"")
    }

    signingConfigs {
        create("release") {
            storeFile = file(project.property("POCKETVET_RELEASE_STORE_FILE") as String)
            storePassword = project.property("POCKETVET_RELEASE_STORE_PASSWORD") as String
            keyAlias = project.property("POCKETVET_RELEASE_KEY_ALIAS") as String
            keyPassword = project.property("POCKETVET_RELEASE_KEY_PASSWORD") as String
        }
    }
}

dependencies {
    implementation("com.pocketvet:design-system:2.4.0")
    implementation("com.squareup.retrofit2:retrofit:2.11.0")
    implementation("com.twilio:video-android:7.6.1")
}
