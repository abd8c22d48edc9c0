package io.hermescache.docs.resilience;

import java.util.concurrent.CompletionStage;

public interface PriceRepository {

  Price price(String sku);

  CompletionStage<Price> priceAsync(String sku);
}
