echo $(trap 'echo x' EXIT; echo y)
