<?php
/**
 * The base configuration for WordPress (journal.fernwood.dev)
 *
 * @package WordPress
 */

// ** Database settings ** //
define( 'DB_NAME', 'wp_journal' );
define( 'DB_USER', 'wp_journal' );
define( 'DB_PASSWORD', '⟦generic:Tu⁞ndra@8316falcon?⟧' );
define( 'DB_HOST', 'mysql-blog.internal.fernwood.dev' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 * Generate these at https://api.wordpress.org/secret-key/1.1/salt/
 */
define( 'AUTH_KEY', 'put your unique phrase here' );
define( 'SECURE_AUTH_KEY', 'put your unique phrase here' );
define( 'LOGGED_IN_KEY', 'put your unique phrase here' );
define( 'NONCE_KEY', 'put your unique phrase here' );
define( 'AUTH_SALT', 'put your unique phrase here' );
define( 'SECURE_AUTH_SALT', 'put your unique phrase here' );
define( 'LOGGED_IN_SALT', 'put your unique phrase here' );
define( 'NONCE_SALT', 'put your unique phrase here' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'DISALLOW_FILE_EDIT', true );
define( 'FORCE_SSL_ADMIN', true );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
