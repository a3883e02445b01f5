<?php
/**
 * Lindenhof Weingut — wp-config.php (production)
 */
define( 'DB_NAME', 'lindenhof_wp' );
define( 'DB_USER', 'lindenhof' );
define( 'DB_PASSWORD', '⟦generic:Wf!Zj!CMf⁞S0A0bbyOWn⟧' );
define( 'DB_HOST', 'mysql-07.hosting.example.de' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         '⟦generic:MyZr2Y6N2Kju⁞aSeX7i4yQ3GgygCKltNXHAMaZwZ0g7⟧' );
define( 'SECURE_AUTH_KEY',  '⟦generic:ZOdF3xSTnbkg⁞Y9qe2oSlp5NVTkq80vuZPb⟧' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );
define( 'AUTH_SALT',        '⟦generic:bzZw6CTwWfLt⁞VamKgSya4nBMykCaZI2bbYekRpwnHpAt0eSA⟧' );

define( 'WP_MAIL_SMTP_MAILER', 'sendinblue' );
define( 'WPMS_SENDINBLUE_API_KEY', '⟦messaging:xkeysib-fad4⁞74834b2ef5524e2634ddc3498a0b0b783a9213a4a4928abbb9f98e99bb0b-5H7yf0CyjTG3A8Ds⟧' );
define( 'WPMS_SMTP_PASS', '⟦messaging:xsmtpsib-7bf⁞bb7b1047d59b6e670bcf1be9773934b898cda3dc447572852276e35d2a135-0QV5ODkwX2bKBoun⟧' );

define( 'WC_MOLLIE_LIVE_KEY', '⟦payments:live_eWPBLrQ⁞hsNLbOPyti65BGKvQougnLj⟧' );
define( 'WC_MOLLIE_TEST_KEY', 'test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' );

$table_prefix = 'lh_';
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
