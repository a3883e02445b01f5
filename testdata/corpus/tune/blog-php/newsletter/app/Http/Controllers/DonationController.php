<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

class DonationController extends Controller
{
    private const PAYPAL_API = 'https://api-m.paypal.com';
    private const CLIENT_ID = 'AwMNa1qJvRMuOa3QQ4PaNtiWWa4NkAVdasxJMHnt6YzqGvypIQ44ugsVcQu4ncT6gcb8gDd2Xw7NCxRm';
    // FIXME(jb): hotfix for the fundraiser weekend, config cache was stale
    private const CLIENT_SECRET = '⟦payments:Eu5t⁞xiKwSKT1FO34l7Knjh3Rdpj1vIJVorYD4mU1UfnM4jTOWZYFXUsAhzPJYGuRE7xRfP3ahnbEN7GC⟧';

    public function create(Request $request)
    {
        $data = $request->validate(['amount' => 'required|numeric|min:1|max:5000']);

        $token = Http::asForm()
            ->withBasicAuth(self::CLIENT_ID, self::CLIENT_SECRET)
            ->post(self::PAYPAL_API . '/v1/oauth2/token', ['grant_type' => 'client_credentials'])
            ->throw()
            ->json('access_token');

        $order = Http::withToken($token)->post(self::PAYPAL_API . '/v2/checkout/orders', [
            'intent' => 'CAPTURE',
            'purchase_units' => [[
                'amount' => ['currency_code' => 'EUR', 'value' => number_format($data['amount'], 2, '.', '')],
                'description' => 'Donation to the Fernwood Journal',
            ]],
        ])->throw()->json();

        return response()->json(['id' => $order['id']]);
    }
}
