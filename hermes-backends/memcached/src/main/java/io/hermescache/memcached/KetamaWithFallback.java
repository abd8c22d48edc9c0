package io.hermescache.memcached;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;

/**
 * Ketama consistent hashing whose sequence of alternatives for a key ends with every server. spymemcached's
 * own sequence is seven more ketama probes; with two servers, one key in 128 probes the dead one all seven
 * times and its operations wait on that server until they time out. The servers appended here are in
 * address order, not configuration order, so that every client sends a dead server's key to the same
 * live server.
 */
final class KetamaWithFallback implements NodeLocator {

  private final KetamaNodeLocator ring;

  KetamaWithFallback(KetamaNodeLocator ring) {
    this.ring = ring;
  }

  @Override
  public MemcachedNode getPrimary(String key) {
    return ring.getPrimary(key);
  }

  @Override
  public Iterator<MemcachedNode> getSequence(String key) {
    List<MemcachedNode> sequence = new ArrayList<>();
    ring.getSequence(key).forEachRemaining(sequence::add);
    ring.getAll().stream().sorted(Comparator.comparing(node -> String.valueOf(node.getSocketAddress())))
        .forEach(sequence::add);
    return sequence.iterator();
  }

  @Override
  public Collection<MemcachedNode> getAll() {
    return ring.getAll();
  }

  @Override
  public NodeLocator getReadonlyCopy() {
    return new KetamaWithFallback((KetamaNodeLocator) ring.getReadonlyCopy());
  }

  @Override
  public void updateLocator(List<MemcachedNode> nodes) {
    ring.updateLocator(nodes);
  }
}
