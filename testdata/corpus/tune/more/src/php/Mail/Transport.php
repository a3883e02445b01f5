<?php

declare(strict_types=1);

namespace Acme\Mail;

final class Transport
{
    private const MAILGUN_DOMAIN = 'mg.acme.example';

    private array $config = [
        'mailgun' => [
            'secret' => '⟦messaging:e4f0060a71c98e752df4b165e⁞bbda4bb-f7e23561-1838ba99⟧',
            'endpoint' => 'api.eu.mailgun.net',
        ],
        'mailchimp' => [
            'api_key' => '⟦messaging:6286a996769fb542e1⁞3f26f0963c87ce-us9⟧',
            'list_id' => '6ad4087349',
        ],
        'smtp' => [
            'host' => 'smtp.office365.com',
            'username' => 'noreply@acme.example',
            'password' => $_ENV['SMTP_PASSWORD'] ?? null,
        ],
    ];

    public function driver(string $name): array
    {
        return $this->config[$name] ?? throw new \InvalidArgumentException("unknown mail driver: $name");
    }
}
