package dev.lambdakit.function.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds the type arguments a class gives a generic interface, through superclasses and super-interfaces. */
final class TypeArguments {

    private TypeArguments() {}

    /** The arguments of {@code iface} as seen from {@code cls}, or null when it is implemented raw. */
    static Type[] of(Class<?> cls, Class<?> iface) {
        return find(cls, Map.of(), iface);
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> outer, Class<?> iface) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = Map.of();
        if (type instanceof ParameterizedType pt) {
            raw = (Class<?>) pt.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = pt.getActualTypeArguments();
            Map<TypeVariable<?>, Type> b = new HashMap<>();
            for (int i = 0; i < vars.length; i++) {
                b.put(vars[i], substitute(args[i], outer));
            }
            bindings = b;
            if (raw == iface) {
                Type[] resolved = new Type[vars.length];
                for (int i = 0; i < vars.length; i++) {
                    resolved[i] = b.get(vars[i]);
                }
                return resolved;
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
            if (raw == iface) {
                return null;
            }
        } else {
            return null;
        }
        for (Type gi : raw.getGenericInterfaces()) {
            Type[] found = find(gi, bindings, iface);
            if (found != null) {
                return found;
            }
        }
        Type sup = raw.getGenericSuperclass();
        return sup == null ? null : find(sup, bindings, iface);
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings) {
        return t instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : t;
    }

    /** A type variable whose only bound is Object. */
    static boolean isUnbounded(Type t) {
        if (!(t instanceof TypeVariable<?> v)) {
            return false;
        }
        for (Type bound : v.getBounds()) {
            if (bound != Object.class) {
                return false;
            }
        }
        return true;
    }

    /** A bounded type variable becomes its first bound, as Jackson would read it. */
    static Type erase(Type t) {
        if (t instanceof TypeVariable<?> v) {
            return erase(v.getBounds()[0]);
        }
        return t;
    }
}
