package io.hermescache.docs.api;

public interface Users {

  User find(long id);

  void save(User user);
}
