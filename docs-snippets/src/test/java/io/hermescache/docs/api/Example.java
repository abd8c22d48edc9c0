package io.hermescache.docs.api;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Example {

  @Inject Users users;

  @HermesCached                                     // key: bean class, method, hash of parameter types and arguments
  public long foo(int a, int b) { return (long) a * b; }

  @HermesCached(tags = {"math", "power"}, ttl = 1200)
  public double bar(int a, int b) { return Math.pow(a, b); }

  @HermesCached(tags = {"math", "avg"}, key = "avg:{a}:{b}")
  public double baz(int a, int b) { return (a + b) / 2.0; }

  @HermesCached(tags = "user:{id}")                 // tag templates take argument values
  public User user(long id) { return users.find(id); }

  @HermesInvalidate(tags = "user:{user.id}")
  public void save(User user) { users.save(user); }

  @HermesInvalidate(keys = "avg:{a}:{b}")           // the entry that baz(a, b) above stores
  public void forgetAverage(int a, int b) {}        // a method may exist only to invalidate
}
