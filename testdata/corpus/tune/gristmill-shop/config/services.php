<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    | Everything reads env(); the two literals at the bottom are the legacy
    | market-stall terminal and the courier integration, which predate .env.
    */

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],

    'square' => [
        'application_id' => env('SQUARE_APPLICATION_ID'),
        'access_token' => env('SQUARE_ACCESS_TOKEN'),
    ],

    'mollie' => [
        'key' => env('MOLLIE_KEY', 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM'),
    ],

    // Legacy Square v1 terminal at the Saturday market (Connect v1 API)
    'square_legacy' => [
        'personal_access_token' => '⟦payments:sq0atp-eI⁞eOrAKDtoXPS3swgFXUVw⟧',
        'application_secret' => '⟦payments:sq0csp-Fi⁞yFQeg9OAXBhOxA5q67jN09ASNsu-6yZwvh1zkWXKW⟧',
    ],

    // Courier booking for wholesale pallets
    'easypost' => [
        'api_key' => '⟦saas:EZAKCj⁞6rkNTAFfQWxdFWZT4967uhUOKIkL4ByTz464NJ4c69BQZD0DQ7Iv⟧',
        'test_key' => env('EASYPOST_TEST_KEY', 'EZTK_placeholder'),
    ],

    'shopify_legacy_private_app' => [
        'password' => '⟦payments:shppa_0d⁞51cc34cfb901a2ae41b64da5c2abfb⟧',
    ],

    'mailchimp_transactional' => [
        'mandrill_key' => '⟦messaging:md-CllHTTpZff06Gy1a-5l⁞kja⟧',
    ],
];
