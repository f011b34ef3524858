&& echo x
