package org.paymenter.ext.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Calls a Gogo command of scope {@code ext} the way the shell would: through the service that declares it
 * ({@code osgi.command.scope=ext}, {@code osgi.command.function=<name>}), by reflection, because the
 * service's class lives in the core bundle's class loader and must never be cast to a test-side type.
 */
final class ExtCommands {

    static final String SCOPE = "ext";

    private ExtCommands() {
    }

    static String call(RuntimeHarness runtime, Duration timeout, String function, Object... args) {
        String filter = "(&(osgi.command.scope=" + SCOPE + ")(osgi.command.function=" + function + "))";
        ServiceReference<?> ref = runtime.awaitService(null, filter, timeout);
        BundleContext context = runtime.context();
        Object service = context.getService(ref);
        if (service == null) {
            throw new IllegalStateException("the service of ext:" + function + " went away");
        }
        try {
            Method method = pick(service.getClass(), function, args.length);
            Object result = method.invoke(service, arguments(method, args));
            return result == null ? "" : result.toString();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("ext:" + function + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("ext:" + function + " is not callable: " + e.getMessage(), e);
        } finally {
            context.ungetService(ref);
        }
    }

    /** The public method of that name whose parameter count fits (a varargs one takes any count above its fixed part). */
    private static Method pick(Class<?> type, String name, int argCount) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())).toList();
        return candidates.stream().filter(m -> !m.isVarArgs() && m.getParameterCount() == argCount).findFirst()
                .or(() -> candidates.stream().filter(m -> m.isVarArgs() && argCount >= m.getParameterCount() - 1)
                        .findFirst())
                .map(m -> {
                    m.setAccessible(true); // the command class itself may be package-private
                    return m;
                })
                .orElseThrow(() -> new IllegalArgumentException("ext:" + name + " has no form taking " + argCount
                        + " arguments; it has " + candidates.stream().map(Method::toGenericString).toList()));
    }

    private static Object[] arguments(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        Object[] converted = new Object[types.length];
        int fixed = method.isVarArgs() ? types.length - 1 : types.length;
        for (int i = 0; i < fixed; i++) {
            converted[i] = convert(args[i], types[i]);
        }
        if (method.isVarArgs()) {
            Class<?> component = types[fixed].getComponentType();
            Object rest = java.lang.reflect.Array.newInstance(component, args.length - fixed);
            for (int i = fixed; i < args.length; i++) {
                java.lang.reflect.Array.set(rest, i - fixed, convert(args[i], component));
            }
            converted[fixed] = rest;
        }
        return converted;
    }

    /** Gogo converts the typed words of a command line; the tests pass strings, paths and numbers. */
    private static Object convert(Object arg, Class<?> type) {
        if (arg instanceof java.nio.file.Path path && type != java.nio.file.Path.class) {
            arg = path.toString(); // a shell passes a path as a word
        }
        if (arg == null || type.isInstance(arg)) {
            return arg;
        }
        String text = arg.toString();
        if (type == String.class || type == Object.class || type == CharSequence.class) {
            return text;
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == java.nio.file.Path.class) {
            return java.nio.file.Path.of(text);
        }
        throw new IllegalArgumentException("cannot pass '" + text + "' as a " + type.getName());
    }
}
