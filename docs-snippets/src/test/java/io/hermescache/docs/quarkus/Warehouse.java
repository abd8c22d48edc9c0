package io.hermescache.docs.quarkus;

import io.smallrye.mutiny.Uni;

public interface Warehouse {

  Uni<Stock> stock(long productId);
}
