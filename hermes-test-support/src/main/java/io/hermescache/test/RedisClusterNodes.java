package io.hermescache.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter (of a test constructor, a test or lifecycle method) that
 * {@link RedisServerExtension} fills with the nodes of a real Redis Cluster as {@code hermes.redis.cluster}
 * wants them, e.g. {@code 127.0.0.1:41234,127.0.0.1:41235,127.0.0.1:41236}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RedisClusterNodes {}
