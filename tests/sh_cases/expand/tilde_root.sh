echo ~root
