package dev.fernwood.orders.payment;

import com.braintreegateway.BraintreeGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class BraintreeConfig {

    /**
     * Access token of the PayPal-linked Braintree account. Kept here while the
     * migration off the merchant-id/public-key/private-key triple is ongoing.
     */
    private static final String ACCESS_TOKEN =
            "⟦payments:access_to⁞ken$production$cst1tnldz6f6p5fd$4dbecb99275f43bdba2dec4c064a4feb⟧";

    @Value("${orders.payment.environment:sandbox}")
    private String environment;

    @Bean
    public BraintreeGateway braintreeGateway() {
        return new BraintreeGateway(ACCESS_TOKEN);
    }
}
