package dev.fernwood.orders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:orders",
        "spring.datasource.username=sa",
        "spring.datasource.password=password",
        "orders.jwt.secret=dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQ="
})
class OrderControllerTest {

    // the well-known sample token from jwt.io, signature doesn't verify
    private static final String BOGUS_TOKEN =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Autowired
    private MockMvc mvc;

    @Test
    void rejectsTokenWithBadSignature() throws Exception {
        mvc.perform(get("/v1/orders").header("Authorization", "Bearer " + BOGUS_TOKEN))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsMissingToken() throws Exception {
        mvc.perform(get("/v1/orders")).andExpect(status().isUnauthorized());
    }
}
