<?php

return [

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
        'scheme' => 'https',
    ],

    'stripe' => [
        'key' => env('STRIPE_KEY'),
        'secret' => env('STRIPE_SECRET'),
        'webhook' => [
            'secret' => env('STRIPE_WEBHOOK_SECRET'),
            'tolerance' => 300,
        ],
    ],

    'paystack' => [
        'secret' => env('PAYSTACK_SECRET_KEY'),
    ],

    // Royal Mail Click & Drop (no env var yet — see #214)
    'clickdrop' => [
        'api_key' => '⟦generic:54c17d16-6e00-4beb-a6db-43cb4648afc6⟧',
        'base_url' => 'https://api.parcel.royalmail.com/api/v1',
    ],

    // Shippo for international labels
    'shippo' => [
        'token' => '⟦saas:shippo_live_⁞28b1c045b984ce7449a7997040cb2eb76cf277a8⟧',
    ],
];
