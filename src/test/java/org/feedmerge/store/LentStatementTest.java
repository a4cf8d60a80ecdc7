package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LentStatement is written out by hand, method by method: every method of the JDBC interface
 * (defaults included) must reach the real statement as called, and none may work once the
 * statement was given back, except {@code close} and {@code isClosed}.
 */
class LentStatementTest {

    /** A method of the interface and the arguments it was called with. */
    private record Call(Method method, List<Object> arguments) {
    }

    static Stream<Method> interfaceMethods() {
        return Arrays.stream(PreparedStatement.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interfaceMethods")
    void everyMethodIsWrittenOutAndReachesTheRealStatementWithItsArguments(Method method) throws Exception {
        assertThat(LentStatement.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                .as("declared by LentStatement itself, not inherited from the interface").isNotNull();
        List<Call> calls = new ArrayList<>();
        LentStatement lent = new LentStatement(recording(calls), (statement, results) -> { });
        Object[] arguments = sampleArguments(method);

        method.invoke(lent, arguments);

        if (!method.getName().equals("close") && !method.getName().equals("isClosed")) {
            assertThat(calls).containsExactly(new Call(method, Arrays.asList(arguments)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interfaceMethods")
    void onceGivenBackOnlyCloseAndIsClosedWork(Method method) throws Exception {
        List<Call> calls = new ArrayList<>();
        List<PreparedStatement> givenBack = new ArrayList<>();
        LentStatement lent = new LentStatement(recording(calls), (statement, results) -> givenBack.add(statement));
        lent.close();
        calls.clear();

        if (method.getName().equals("close") || method.getName().equals("isClosed")) {
            method.invoke(lent, sampleArguments(method));
            assertThat(givenBack).as("given back once").hasSize(1);
            assertThat(lent.isClosed()).isTrue();
        } else {
            assertThatThrownBy(() -> invoke(method, lent)).isInstanceOf(SQLException.class)
                    .hasMessage("statement is closed");
            assertThat(calls).isEmpty();
        }
    }

    @Test
    void givingBackHandsOverTheLastResultsItGaveNotALaterNull() throws SQLException {
        ResultSet results = (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> defaultValue(method.getReturnType()));
        PreparedStatement target = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> method.getName().equals("executeQuery") ? results
                        : defaultValue(method.getReturnType()));
        List<ResultSet> handedOver = new ArrayList<>();
        LentStatement lent = new LentStatement(target, (statement, last) -> handedOver.add(last));

        assertThat(lent.executeQuery()).isSameAs(results);
        assertThat(lent.getResultSet()).isNull();
        lent.close();

        assertThat(handedOver).hasSize(1);
        assertThat(handedOver.get(0)).as("the results executeQuery gave").isSameAs(results);
    }

    private static void invoke(Method method, LentStatement lent) throws Throwable {
        try {
            method.invoke(lent, sampleArguments(method));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement that records every call and answers with a default value. */
    private static PreparedStatement recording(List<Call> calls) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "recording";
                    }
                    calls.add(new Call(method, args == null ? List.of() : Arrays.asList(args)));
                    return defaultValue(method.getReturnType());
                });
    }

    /** Distinct values per position, so swapped arguments would show. */
    private static Object[] sampleArguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = sample(types[i], i + 1);
        }
        return values;
    }

    private static Object sample(Class<?> type, int position) {
        if (type == int.class) {
            return 10 + position;
        }
        if (type == long.class) {
            return 100L + position;
        }
        if (type == boolean.class) {
            return position % 2 == 0;
        }
        if (type == byte.class) {
            return (byte) position;
        }
        if (type == short.class) {
            return (short) position;
        }
        if (type == float.class) {
            return position + 0.5f;
        }
        if (type == double.class) {
            return position + 0.25;
        }
        if (type == String.class) {
            return "text-" + position;
        }
        if (type == int[].class) {
            return new int[] {position};
        }
        if (type == String[].class) {
            return new String[] {"column-" + position};
        }
        if (type == byte[].class) {
            return new byte[] {(byte) position};
        }
        if (type == Class.class) {
            return ResultSet.class;
        }
        if (type == Object.class) {
            return "object-" + position;
        }
        return null; // streams, readers, LOBs, dates, SQLType: null reaches the target as null
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        return (short) 0;
    }
}
