<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;
use App\Models\Product;

/**
 * Pulls stock levels from the Shopify admin API into the local catalogue.
 * The legacy store (pre-2023 migration) still uses its own custom-app token.
 */
class ShopifyInventorySync
{
    private const LEGACY_STORE = 'mercado-legado.myshopify.com';
    private const LEGACY_TOKEN = '⟦payments:shpca_dd48d653ecef3⁞5c0bed9d0d29652b529⟧';

    public function __construct(
        private readonly string $store,
        private readonly string $token,
    ) {}

    public static function fromConfig(): self
    {
        return new self(config('services.shopify.store'), config('services.shopify.token'));
    }

    public function syncLegacy(): int
    {
        return $this->pull(self::LEGACY_STORE, self::LEGACY_TOKEN);
    }

    public function sync(): int
    {
        return $this->pull($this->store, $this->token);
    }

    private function pull(string $store, string $token): int
    {
        $updated = 0;
        $url = "https://{$store}/admin/api/2024-07/inventory_levels.json?limit=250";
        while ($url) {
            $resp = Http::withHeaders(['X-Shopify-Access-Token' => $token])->get($url);
            if ($resp->failed()) {
                Log::warning('shopify sync failed', ['status' => $resp->status(), 'store' => $store]);
                break;
            }
            foreach ($resp->json('inventory_levels') as $level) {
                $updated += Product::where('shopify_inventory_item_id', $level['inventory_item_id'])
                    ->update(['stock' => $level['available']]);
            }
            $url = $this->nextPage($resp->header('Link'));
        }
        return $updated;
    }

    private function nextPage(?string $link): ?string
    {
        if ($link && preg_match('/<([^>]+)>; rel="next"/', $link, $m)) {
            return $m[1];
        }
        return null;
    }
}
