package dev.tandem.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application executes: wraps the DataSource so that every
 * statement's execute, executeQuery, executeUpdate and executeBatch adds one. A benchmark
 * resets it before a request and reads it after, to show that a whole-cycle read costs a fixed
 * number of statements rather than one per objective (N+1).
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounter {

	static final AtomicLong EXECUTED = new AtomicLong();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource)
						: bean;
			}
		};
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return (Connection) wrap(super.getConnection(), Connection.class);
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return (Connection) wrap(super.getConnection(username, password), Connection.class);
		}
	}

	private static Object wrap(Object target, Class<?> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			var result = invoke(target, method, args);
			if (type == Connection.class && result instanceof Statement statement) {
				return wrap(statement, statementType(statement));
			}
			if (type != Connection.class && method.getName().startsWith("execute")) {
				EXECUTED.incrementAndGet();
			}
			return result;
		};
		return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Class<?> statementType(Statement statement) {
		if (statement instanceof CallableStatement) {
			return CallableStatement.class;
		}
		return statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
