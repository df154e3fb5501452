package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Who completed a task: a person, or the system (the flow's own rules, a vendor robot, an automatic pass).
 * A task closed because another assignee settled its step, or because the process ended, was closed by
 * the system even though a person's decision set it off.
 */
public record Actor(Optional<UserRef> person) {
    public Actor {
        Objects.requireNonNull(person, "person");
    }

    public static Actor person(UserRef user) {
        return new Actor(Optional.of(Objects.requireNonNull(user, "user")));
    }

    public static Actor system() {
        return new Actor(Optional.empty());
    }

    public boolean isSystem() {
        return person.isEmpty();
    }

    @Override
    public String toString() {
        return person.map(UserRef::toString).orElse("the system");
    }
}
