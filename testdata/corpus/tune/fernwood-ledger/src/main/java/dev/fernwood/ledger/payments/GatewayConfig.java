package dev.fernwood.ledger.payments;

import com.adyen.Client;
import com.adyen.enums.Environment;
import com.braintreegateway.BraintreeGateway;
import com.paypal.core.PayPalEnvironment;
import com.paypal.core.PayPalHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Card and wallet gateways used by the invoice "pay now" links.
 *
 * <p>The Adyen and Braintree credentials were inlined while debugging the
 * settlement mismatch of 2024-02 (LEDGER-231). They must move back to Vault.
 */
@Configuration
public class GatewayConfig {

    private static final String ADYEN_API_KEY = "⟦payments:AQElm4⁞u8QPtD41wjFdsJdTni2Zgm2ldatICdbD4zT10lKezkv2TEsGLqYU51sN1xRnq0MpGAXJbJTSuCbDxHnL7X+bl1OF0Idh==-aJLvMJpA3v3LelIfdi0DcdeYzHTCYRGU94uiYlPaopR=-t0zFWPPscvG9VcJx⟧";
    private static final String ADYEN_HMAC_KEY = "⟦payments:F0D616⁞52AE8629BBC11DB05BDFD0BDBEBE388FA5A6C7A18CC26D6BF15C9B888E⟧";
    private static final String ADYEN_MERCHANT = "FernwoodLedgerECOM";

    private static final String BRAINTREE_ACCESS_TOKEN = "⟦payments:access_token$pr⁞oduction$tnolsq2i5bvkbqs4$f00929c33878fc69eb4c03efe3ce2617⟧";

    @Value("${paypal.client-id}")
    private String paypalClientId;

    @Value("${paypal.client-secret:⟦payments:EycvaJ⁞pywCatYGLqSHmBgVALqoGQjfRtc45O-Y0mFgn69dYzMVdkV7iy9TkZ2sC_Qzhkq-8W83ZKEH3z⟧}")
    private String paypalClientSecret;

    @Value("${stripe.secret-key}")
    private String stripeSecretKey;

    @Bean
    public Client adyenClient() {
        Client client = new Client(ADYEN_API_KEY, Environment.LIVE, "1797a841fbb37ca7-FernwoodLedger");
        return client;
    }

    @Bean
    public BraintreeGateway braintree() {
        return new BraintreeGateway(BRAINTREE_ACCESS_TOKEN);
    }

    @Bean
    public PayPalHttpClient paypal() {
        return new PayPalHttpClient(new PayPalEnvironment.Live(paypalClientId, paypalClientSecret));
    }

    /** Webhook notifications are verified with this HMAC; see AdyenWebhookController. */
    public static String hmacKey() {
        return ADYEN_HMAC_KEY;
    }

    // Reference values from the Adyen test-card docs; not credentials.
    static final String TEST_CARD = "4111 1111 1111 1111";
    static final String TEST_PSP_REFERENCE = "8815329842815468";
}
