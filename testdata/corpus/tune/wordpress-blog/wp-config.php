<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings ** //
define( 'DB_NAME', 'blog_prod' );
define( 'DB_USER', 'blog_wp' );
define( 'DB_PASSWORD', '⟦generic:xEW8ybrIlg6vk8z7B6_N⟧' );
define( 'DB_HOST', 'mysql-blog.internal' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 * Generated from https://api.wordpress.org/secret-key/1.1/salt/
 */
define( 'AUTH_KEY',         '⟦generic:&B42DQPy VNDL@2A[RVuE7 a1SEpNAh2rD`KI/*gv]Yuo(sYLI<{Y11wW=~cx4q%⟧' );
define( 'SECURE_AUTH_KEY',  '⟦generic:uD!OSk&geTg2DJBg;8=HWi}. v=_6uEvoWV;a)?< [;tRg^)YXJG`g^q:5slh )H⟧' );
define( 'LOGGED_IN_KEY',    '⟦generic:Zc8G~Qz&qLwAXsH^5^fnm]kgz80n1t .%J3AlD{}$q+keZ6V`Cz>*~8@3wo-%uy>⟧' );
define( 'NONCE_KEY',        '⟦generic:uh9a3Z/K}8X38e)8k!VB a2_PUR@hbGs@8A&JU*7cUz#Jm>JXd0pLzp%UM1*.@*Y⟧' );
define( 'AUTH_SALT',        '⟦generic:y8Vxe5Q`cn76qC=P+)9/AP{zJ{eo.{:0lP)g&_BJ$=s!u3M:vq7rq4Rvpz9Mk5:o⟧' );
define( 'SECURE_AUTH_SALT', '⟦generic:V#g]1^@}PuconcwHWM$#o !o;E@p:A@S}lQ>CqhP!z3r2<_~66p$[DmP!4f+)(MV⟧' );
define( 'LOGGED_IN_SALT',   '⟦generic:(<(R G$[IPO5CHBYLuybGU4E#,t26jd<Q-::.?ecVENaK4+-7E?2!{k&AZ,%KFdN⟧' );
define( 'NONCE_SALT',       '⟦generic:&C1Oj9~eZeg68k]o)@+t]]uxt]CzJXT(21CqFY5r(44EQ%Yb<OQijT*bIKQntq^`⟧' );
/**#@-*/

/* WP Offload Media */
define( 'AS3CF_SETTINGS', serialize( array(
    'provider' => 'aws',
    'access-key-id' => '⟦cloud:AKIA⁞TSGPLLHQGM5C6IKC⟧',
    'secret-access-key' => '⟦cloud:E01rqkYm5w6qhAkufbxZKtt2qq3zlTYDzoiWFJIF⟧',
) ) );

/* Mailgun plugin */
define( 'MAILGUN_APIKEY', '⟦messaging:key-⁞12f2e51f08df06ff552c91e1f7882d17⟧' );
define( 'MAILGUN_DOMAIN', 'mg.blog.example.org' );

/* Jetpack / Akismet keys are stored in the DB. */

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
