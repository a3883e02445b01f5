package dev.fernwood.orders.security;

import io.jsonwebtoken.security.Keys;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class JwtConfig {

    // Fallback signing secret for local runs; prod sets JWT_SECRET.
    private static final String SIGNING_SECRET = "⟦generic:evd⁞t4piskvhXhgE37o/F+z+tHX+Dicx2Iy+8z3vWyDrfs472z8Fqy0bfZvUuBylHE1sQ9H9JYumBu4Ab6BetaA==⟧";

    @Bean
    public SecretKey jwtSigningKey() {
        String fromEnv = System.getenv("JWT_SECRET");
        String secret = (fromEnv != null && !fromEnv.isBlank()) ? fromEnv : SIGNING_SECRET;
        return Keys.hmacShaKeyFor(Base64.getDecoder().decode(secret));
    }
}
