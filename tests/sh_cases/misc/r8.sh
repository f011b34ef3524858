trap 'echo exit $?' EXIT; false
