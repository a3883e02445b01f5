package com.northbridge.claims.config;

import com.adyen.Client;
import com.adyen.enums.Environment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PaymentsConfig {

    @Value("${adyen.api-key}")
    private String apiKey;

    @Value("${adyen.hmac-key:}")
    private String hmacKey;

    // Used by the contract tests against the Adyen test environment.
    static final String TEST_API_KEY = "⟦payments:AQE⁞ojKrXAL1RP40Kpsu9P2eEmLWytCMKLN4jyOcvQRGosHDx0BPjtyGQy1nZLwVsRNM9xlsTLtyVWvI4SMRaXW2h==-kR7R46HDGLP/T9X6ED9Q5X+mF/z5zz3qMcMHlN2re38=-0Mvb1s6n9jqUkq44⟧";
    static final String TEST_HMAC_KEY = "⟦payments:986705AF0F7C2D7CD980746D79CE40491E9569BA7DC7F65947ADD1FC09D95050⟧";

    @Bean
    Client adyenClient() {
        String key = apiKey != null && !apiKey.isBlank() ? apiKey : System.getenv("ADYEN_API_KEY");
        return new Client(key, Environment.LIVE, "1797a841fbb37ca7-AdyenDemo");
    }

    @Bean
    PayoutClient payoutClient() {
        // PayPal payouts for third-party repairers
        return new PayoutClient(
            "AXk3Lq9ZbN2c7Wd1Ve5Rf8Tg0Yh4Uj6Ik2Ol9Pm3Qn7Ro1Sp5Tq8Ur2Vs6Wt0Xu4Yv",
            "⟦payments:E_08BS9jAyPxpyAenM6EQkwKBwRXRrbieun7ny0q-0Bs2aoLbgk6eewdSAHSsGQkMoqwPBWpekOQkgqO⟧");
    }
}
