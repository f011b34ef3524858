echo nodir/*
