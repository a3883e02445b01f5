<?php

namespace Tests\Feature;

use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Tests\TestCase;

class CheckoutTest extends TestCase
{
    use RefreshDatabase;

    public function test_guest_is_redirected_to_login(): void
    {
        $this->get('/checkout')->assertRedirect('/login');
    }

    public function test_customer_can_log_in_and_checkout(): void
    {
        $user = User::factory()->create([
            'email' => 'cliente@example.com',
            'password' => bcrypt('password'),
        ]);

        $this->post('/login', ['email' => $user->email, 'password' => 'password'])
            ->assertRedirect('/');

        $this->withHeaders(['X-Shopify-Access-Token' => 'shpat_test_token'])
            ->post('/checkout', ['sku' => 'CER-0042', 'qty' => 2])
            ->assertOk()
            ->assertJsonPath('status', 'pending');
    }

    public function test_webhook_rejects_bad_hmac(): void
    {
        $this->postJson('/webhooks/shopify/orders-create', ['id' => 1], [
            'X-Shopify-Hmac-Sha256' => 'gay3uB3YVBCgCMjgc3x6O1rBLhPMb4vT1VEFhfZ1g6c=',
        ])->assertStatus(401);
    }
}
