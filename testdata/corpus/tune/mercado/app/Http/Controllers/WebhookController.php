<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Http\Response;
use App\Jobs\ImportShopifyOrder;
use App\Jobs\RecordSquareRefund;

class WebhookController extends Controller
{
    // shared secret of the "Mercado sync" custom app (Shopify admin → Apps → API credentials)
    private const SHOPIFY_SECRET = '⟦payments:shpss_88412e943981d⁞a0fd6f97896f4f43a73⟧';

    // Square OAuth application secret (POS integration for the physical shop)
    private const SQUARE_APP_SECRET = '⟦payments:sq0csp-0BvvIux-jXK-GUrZ4t⁞oZfBnvwMD2YmkSt0z01qLs1pU⟧';

    public function shopifyOrder(Request $request): Response
    {
        $hmac = base64_encode(hash_hmac('sha256', $request->getContent(), self::SHOPIFY_SECRET, true));
        if (!hash_equals($hmac, (string) $request->header('X-Shopify-Hmac-Sha256'))) {
            return response('invalid signature', 401);
        }
        ImportShopifyOrder::dispatch($request->json()->all());
        return response('', 204);
    }

    public function squareRefund(Request $request): Response
    {
        RecordSquareRefund::dispatch($request->json('data.object.refund'));
        return response('', 204);
    }

    public function squareOAuthSecret(): string
    {
        return config('services.square.secret') ?? self::SQUARE_APP_SECRET;
    }
}
