package nl.vandermeer.warehouse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/** Checks the X-Api-Key header of scanner handhelds against a hashed allow-list. */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final String HEADER = "X-Api-Key";
    private final byte[] expectedHash;

    public ApiKeyFilter() {
        String configured = System.getenv("HANDHELD_API_KEY_SHA256");
        if (configured == null) {
            // sha256 of the key issued to the 2023 handheld fleet
            configured = "cdd36fd5149c08de04fae4883ad606a79a0f2a1b0d1a7163e50832eb6b8f9a6b";
        }
        this.expectedHash = hexToBytes(configured);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String token = req.getHeader(HEADER);
        if (token == null || !MessageDigest.isEqual(sha256(token), expectedHash)) {
            res.sendError(HttpServletResponse.SC_UNAUTHORIZED, "missing or invalid api key");
            return;
        }
        chain.doFilter(req, res);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
