package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Actor;
import org.springframework.web.context.request.NativeWebRequest;

import java.util.Optional;

/**
 * Tells who acts in a web request, for controller parameters of type {@link Actor}: from Spring Security's principal,
 * or from the portal's own login user. Define one bean; without it, {@code Actor} parameters are not resolved by the
 * starter. A request it answers empty for is refused with {@code 401}.
 *
 * @since 0.4
 */
@FunctionalInterface
public interface ActorResolver {
    /**
     * @param request the request
     * @return the official (with the unit they act for) or system actor, or empty when nobody is logged in
     */
    Optional<Actor> actor(NativeWebRequest request);
}
