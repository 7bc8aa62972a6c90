package org.paymenter.ext.core.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads from SCR which components of some bundles are not running, and puts the reason in words. */
final class ComponentProblems {

    private static final String REQUIRE = "require";

    private ComponentProblems() {
    }

    static List<ComponentProblem> of(ServiceComponentRuntime scr, Collection<Bundle> bundles) {
        List<ComponentProblem> problems = new ArrayList<>();
        for (Bundle bundle : bundles) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (String problem : problems(scr, description)) {
                    problems.add(new ComponentProblem(bundle.getSymbolicName(), bundle.getBundleId(),
                            description.name, problem));
                }
            }
        }
        return problems;
    }

    private static List<String> problems(ServiceComponentRuntime scr, ComponentDescriptionDTO description) {
        if (!scr.isComponentEnabled(description)) {
            return List.of("disabled");
        }
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            return REQUIRE.equals(description.configurationPolicy)
                    ? List.of("waiting for its configuration (configuration policy require)") : List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ComponentConfigurationDTO configuration : configurations) {
            switch (configuration.state) {
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add("unsatisfied references: "
                        + String.join(", ", Arrays.stream(configuration.unsatisfiedReferences)
                                .map(ComponentProblems::reference).toList()));
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                        problems.add("waiting for its configuration");
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add("activation failed: "
                        + firstLine(configuration.failure));
                default -> {
                    // ACTIVE and SATISFIED are fine.
                }
            }
        }
        return problems;
    }

    private static String reference(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target == null ? "" : " " + reference.target);
    }

    /** SCR's failure text is a whole stack trace; its first line says what went wrong. */
    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        return failure.lines().findFirst().orElse(failure).trim();
    }
}
