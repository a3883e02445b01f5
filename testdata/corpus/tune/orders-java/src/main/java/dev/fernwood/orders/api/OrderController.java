package dev.fernwood.orders.api;

import dev.fernwood.orders.domain.Order;
import dev.fernwood.orders.domain.OrderService;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/v1/orders")
public class OrderController {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    public List<Order> list(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "20") int limit) {
        // the subject of the bearer token is the customer id
        return orders.forCustomer(token.getSubject(), Math.min(limit, 100));
    }

    @GetMapping("/{number}")
    public ResponseEntity<Order> get(@AuthenticationPrincipal Jwt token, @PathVariable String number) {
        return orders.find(token.getSubject(), number)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
