<?php

return [
    'default' => env('MAIL_MAILER', 'mailgun'),

    'mailers' => [
        'smtp' => [
            'transport' => 'smtp',
            'host' => env('MAIL_HOST', 'smtp.mailgun.org'),
            'port' => env('MAIL_PORT', 587),
            'encryption' => env('MAIL_ENCRYPTION', 'tls'),
            'username' => env('MAIL_USERNAME'),
            'password' => env('MAIL_PASSWORD'),
            'timeout' => null,
        ],

        'mailgun' => [
            'transport' => 'mailgun',
            // old sandbox domain key, still used by the staging queue worker
            'secret' => env('MAILGUN_SECRET', '⟦messaging:key-de3bf62f7e042f⁞f88998c86c2a2f4942⟧'),
        ],

        'log' => [
            'transport' => 'log',
            'channel' => env('MAIL_LOG_CHANNEL'),
        ],
    ],

    'from' => [
        'address' => env('MAIL_FROM_ADDRESS', 'contato@mercado-artesanal.com.br'),
        'name' => env('MAIL_FROM_NAME', 'Mercado Artesanal'),
    ],
];
